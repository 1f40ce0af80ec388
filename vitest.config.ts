import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The corpus and type-check tests spawn the built CLI and `tsc` over thousands of files.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
