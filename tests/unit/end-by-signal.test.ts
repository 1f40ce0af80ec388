// In a file of its own: once called, `endBySignal` leaves its module ending for good.
import { afterAll, describe, expect, it, vi } from "vitest";
import { endBySignal, endingBySignal } from "../../src/io/write.js";

describe("endBySignal", () => {
  const kill = vi.spyOn(process, "kill").mockImplementation(() => true);
  afterAll(() => kill.mockRestore());

  it("ends the process by the first signal only: a second call (a Ctrl-C, then a SIGTERM) does nothing", async () => {
    expect(endingBySignal()).toBe(false);
    endBySignal("SIGINT");
    expect(endingBySignal()).toBe(true);
    endBySignal("SIGTERM");
    endBySignal("SIGINT");
    // The ending goes on asynchronously (staging threads stopped first): let it finish, and a few turns more.
    for (let i = 0; i < 10 && kill.mock.calls.length === 0; i++) await new Promise((turn) => setImmediate(turn));
    for (let i = 0; i < 5; i++) await new Promise((turn) => setImmediate(turn));
    expect(kill.mock.calls).toEqual([[process.pid, "SIGINT"]]);
  });
});
