/**
 * Stage 1: parsing with the tables' padding cut gives the very tree the
 * source as written gives (node for node, position for position), on odd
 * inputs made to trip it and on every doc of the fixtures and the corpus.
 */

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Table } from "mdast";
import { compactTables, isDelimiterRow, markdownParser, parse, parseAsWritten, parseCompacted, skeletonTree } from "../../src/stages/parse.js";
import { inlineItems, inlineNodes } from "../../src/stages/inline.js";
import { DIALECTS_CORPUS, HAS_CORPUS, ROOT, SPEAKEASY_CORPUS } from "../helpers.js";

const pad = (cells: string[], width = 40) => `| ${cells.map((c) => c.padEnd(width)).join(" | ")} |`;
const rule = (n: number, width = 40) => `| ${Array.from({ length: n }, () => "-".repeat(width)).join(" | ")} |`;

/** A padded Fields table with `rows`, wide enough that the padding is cut. */
function table(rows: string[][], width = 40): string {
  return [pad(["Field", "Type", "Required", "Description"], width), rule(4, width), ...rows.map((r) => pad(r, width))].join("\n");
}

const CASES: Record<string, string> = {
  "a plain Fields table": `# Pet\n\n## Fields\n\n${table([["`id`", "*int*", ":heavy_check_mark:", "The id."], ["`name`", "*Optional[str]*", ":heavy_minus_sign:", "A name."]])}\n`,
  "escaped pipes, spaces around them kept": `# U\n\n${table([["`a`", "*str*     \\|     *int*", ":heavy_check_mark:", "x \\\\| y"], ["`b`", "`a \\|   b`", ":heavy_check_mark:", "ends in a backslash \\"]])}\n`,
  "code spans with runs of spaces inside": `# C\n\n${table([["`two  spaces`", "*str*", ":heavy_check_mark:", "`a    b`   and   c"]])}\n`,
  "a table-like block inside a code fence": `# F\n\n\`\`\`\n${table([["`x`", "*str*", "y", "z"]])}\n\`\`\`\n\n${table([["`x`", "*str*", "y", "z"]])}\n`,
  "a tilde fence that a backtick line does not close": `# F\n\n~~~~\n\`\`\`\n${table([["`x`", "*str*", "y", "z"]])}\n~~~~\n`,
  "a header whose cell count differs from the delimiter row": `# M\n\n${pad(["a", "b", "c"])}\n${rule(4)}\n${pad(["1", "2", "3", "4"])}\n`,
  "a table inside a list item": `# L\n\n- item\n\n  ${table([["`x`", "*str*", "y", "z"]]).split("\n").join("\n  ")}\n`,
  "a table in a blockquote": `# Q\n\n> ${table([["`x`", "*str*", "y", "z"]]).split("\n").join("\n> ")}\n`,
  "CRLF line ends": `# W\r\n\r\n## Fields\r\n\r\n${table([["`id`", "*int*", ":heavy_check_mark:", "The id."]]).split("\n").join("\r\n")}\r\n`,
  "tabs in the padding": `# T\n\n${table([["`id`\t\t", "*int*", ":heavy_check_mark:", "\tThe id."]])}\n`,
  "a table that interrupts a paragraph": `# P\n\nSome text\n${table([["`id`", "*int*", "y", "z"]])}\n`,
  "HTML and breaks in cells": `# H\n\n${table([["`id`", "*int*", "y", "one<br/>two <b>bold</b>"]])}\n`,
  "empty cells": `# E\n\n${table([["`id`", "", "", ""], ["", "*str*", "", ""]])}\n`,
  "an alignment row with colons": `# A\n\n${pad(["a", "b"])}\n| :${"-".repeat(38)} | ${"-".repeat(38)}: |\n${pad(["1", "2"])}\n`,
  "body rows that stop at a line without a leading pipe": `# B\n\n${table([["`id`", "*int*", "y", "z"]])}\nnot a row      |       but maybe a cell\n\nafter\n`,
  "an HTML block before a table-like line": `# X\n\n<div>\n${table([["`id`", "*int*", "y", "z"]])}\n</div>\n`,
  "an indented code block with pipes": `# I\n\n    ${table([["`id`", "*int*", "y", "z"]]).split("\n").join("\n    ")}\n`,
  "cells the parser is not given, each kind": `# K\n\n${table([["`id`", "*Optional[str]*", ":heavy_check_mark:", "N/A"], ["`snake_case`", "*Dict[str, List[int]]*", ":heavy_minus_sign:", "The id: 1. of (many) #things = 2 + 3 > 1 - http://x.y/z?q=1"], ["`a.b-c`", "*Record\\<string, any\\>*", "plain text", "Array\\<models.X\\> and a_1 and é"]])}\n`,
  "a link reference definition: a bracketed label is a link": `# D\n\n${table([["`id`", "*Optional[str]*", "[str]", "x"]])}\n\n[str]: https://example.com/str\n`,
  "underscores that open or close, and those that cannot": `# U\n\n${table([["_x_", "a__b", "snake_case_", "_lead"], ["é_x", "x_é", "*a_b*", "*_a_*"], ["__init__", "a_1_b", "1_000", "a _b_ c"]])}\n`,
  "escapes and specials that make a cell more than text": `# E\n\n${table([["a\\\\b", "\\*x\\*", "*a\\**", "a\\|b"], ["&amp;", "a&b", "x!", "![i](j)"], ["~~x~~", "a~b", "<b>x</b>", "a<b"], ["\u0000", "a\u0000b", "*\u00a0x*", "*x\u00a0*"]])}\n`,
  "emphasis that is not one node": `# M\n\n${table([["* x*", "*x *", "*(x)*", "*[x](y)*"], ["*x*y*", "*a(b)[c]*", "**x**", "*x*  *y*"], ["*[x]*", "*x[y](z)*", "*a]*", "*[*"]])}\n`,
  "code spans that are not one plain node": `# C\n\n${table([["` x `", "`a`b`", "`` x ``", "`é`"], ["`a\\b`", "`  `", "`x` `y`", "``"]])}\n`,
  "rows given as one pipe beside rows that are not": `# W\n\n${table([["`a`", "*str*", ":heavy_check_mark:", "N/A"], ["`b`", "[X](x.md)", ":heavy_check_mark:", "N/A"], ["", "", "", ""], ["`c`", "*int*", "", "trailing spaces after the pipe"]])}   \n| \`d\` | *e* | f | g |\r\n| \`d\` | *e* | f |\n|\`d\`|*e*|f|g|h|\n`,
  "rows with more cells than the header, or no closing pipe": `# R\n\n${table([["`id`", "*int*", "y", "z"]])}\n| a | b | c | d | e | f |\n| a | b\n| \`x\` | *y* | z | w\n`,
  "a table going on past a line without pipes, then a row of dashes": `# V\n\n| a | b |\n| - | - |\nplain line\n| c | d |\n| ${"-".repeat(46)} | - |\n${table([["`x`", "*str*", "y", "N/A"]])}\n`,
  "a header row without a leading pipe over a delimiter row, then a row that reads as one too": `a|b\n|${"-".repeat(33)}|-|\n|-|-|\n\nField | Type | Required | Description\n| ${"-".repeat(40)} | --------------- | -------- | ----------- |\n| --- | --- | --- | --- |\n${table([["`name`", "*str*", ":heavy_check_mark:", "The name."]]).split("\n").slice(2).join("\n")}\n\n| ${"-".repeat(40)} | :---: |\n| --- | --- |\n| x | y |\n`,
  "a long run of spaces in a would-be delimiter row": `# D\n\n| a |\n|-${" ".repeat(10_000)}x\n${table([["`x`", "*str*", "y", "N/A"]])}\n`,
  "headings the parser is given as their #s, and those it reads": `# Pet\n\n## Fields\n\n### \`models.Pet\`\n\n#### *Optional[str]*\n\n# Title #\n\n# C#\n\n#NoSpace\n\n####### seven\n\n#   spaced   \n\n# a_b and _c_\n\n<div>\n# in html\n</div>\n\n\`\`\`\n# in a fence\n\`\`\`\n\n# [x]\n\n# tab\there\n\n#\n\n# CRLF\r\n\n${table([["`x`", "*str*", "y", "N/A"]])}\n`,
  "a heading with a bracketed label, and a definition": `# [x]\n\n## *List[x]*\n\n${table([["`x`", "*str*", "y", "N/A"]])}\n\n[x]: https://example.com\n`,
  "tabs inside a row": `# T\n\n${table([["`id`", "*int*", "a\tb", "z"]])}\n`,
  "links among text in cells, and what is no such link": `# L\n\n${table([
    ["[models.Pet](../models/pet.md)", "List[[Pet](pet.md)]", "Optional[[X](x.md)]", "Dict[str, [models.Y](../models/y.md)]"],
    ["List\\<[Errors](../../models/errors/Errors.md)>", "List<[Models.X](../../Models/X.md)>", "[Nullable[models.A]](../models/a.md)", "[HttpResponse\\<?>](https://docs.oracle.com/x/HttpResponse.html#a?b=c)"],
    ["[a[b](c.md)", "[a]b](c.md)", "[][components.T](t.md)", "[X](x.md)[Y](y.md)"],
    ["![X](x.png)", "[X](x.md \"title\")", "[X](<x.md>)", "[X](x y.md)"],
    ["[*X*](x.md)", "[X](x.md)(y)", "[X](x.md) (deprecated)", "a]b[[X](x.md)"],
    ["[X](x&amp;y.md)", "[X](x\\)y.md)", "Map<String, List<[X](x.md)>>", "[](x.md)"],
    ["[X](x.md)]]", "[[X](x.md)", "[X](x.md)[", "<[X](x.md)"],
  ])}\n`,
  "cells parsed apart, each as a paragraph, and those that would start another block": `# P\n\n${table([
    ["The `art` of it", "**bold** and *em*", ":warning: ** DEPRECATED **: gone.<br/>Use `x`.", "a &amp; b &#42; c"],
    ["# x", "#x", "######## x", "> q"],
    [">q", "- item", "-1", "+ x"],
    ["+x", "1. one", "1.5 m", "1) two"],
    ["***", "* x", "*x", "___"],
    ["_ _ _", "<div>x</div>", "a <b>b</b>", "```x```"],
    ["~~~x", "~~`gone`~~", "`a \\| b`", "a \\| b"],
    ["x\\\\", "=== x", "[x] y", "![i](i.png) z"],
    ["[a](b) and [c](d)", "<https://x.y>", "a  b   c", "`` `x` ``"],
    ["`a` and `b_c`", "x ` y ` z", "x `a\\b` y", "_`x`_"],
    ["[c] `d` (e)", "`a` `b`", "a` b", "p `q` r `s"],
    ["`a``b`", "x `a``b` y", "`a`` b", "``a`"],
  ])}\n\nText with \`code\` in a paragraph.\n`,
  "text and emphasis spans in cells, and what is more than that": `# E\n\n${table([
    ["List[*str*]", "Dict[str, *Any*]", "list[dict[str, *Any*]]", "a*b*c"],
    ["*a* and *b*", "a*b*c*d*e", "*x* *y* *z*", "(*a*)"],
    ["*a*:", "[a *b* c]", "*x*(y)", "*a_b* c_d"],
    ["*a*\\<b\\>", "*a **b*", "*a**b*", "x *a* y *b"],
    ["x * y", "*\u00e9*", "[*x*](y)", "a_*b*"],
    ["*b*_c", "List[*str*] `x`", "*a]* b", "* a* b"],
    ["*a* *b *", "*a*\u00a0*b*", "[*x*][y]", "*x* [y](z)"],
    ["__init__ and __x", "***a***", "**a*", "*a**"],
    ["_a *b_ c*", "a <br/> b", "</b> x <i >", "<a href=\"x\">y</a>"],
    ["a & b", "R&D", "x!", "![x]"],
  ])}\n`,
  "a cell parsed apart beside a link reference definition": `# D\n\n${table([["`id`", "[x] and `y`", "z `w`", "N/A"]])}\n\n[x]: https://example.com/x\n`,
  "a link cell beside a link reference definition": `# D\n\n${table([["`id`", "[str](s.md)", "List[[x](x.md)]", "[x]"]])}\n\n[x]: https://example.com/x\n`,
  "strikethrough and emphasis in cells": `# S\n\n${table([["~~`old`~~", "*Literal[\"__x__\"]*", ":heavy_minus_sign:", ": warning: ** DEPRECATED **: gone."]])}\n`,
};

describe("parse: cutting the tables' padding changes nothing", () => {
  for (const [name, source] of Object.entries(CASES)) {
    it(name, () => {
      expect(parse(source)).toEqual(parseAsWritten(source));
    });
  }

  it("tells delimiter rows as GFM's grammar does (checked against the regular expression it replaces, on every short string of its characters)", () => {
    const grammar = /^\|? *:?-+:? *(?:\| *:?-+:? *)*\|? *$/;
    const alphabet = ["|", " ", ":", "-", "x"];
    let checked = 0;
    const walk = (prefix: string): void => {
      expect(isDelimiterRow(prefix), JSON.stringify(prefix)).toBe(grammar.test(prefix));
      checked++;
      if (prefix.length < 7) for (const c of alphabet) walk(prefix + c);
    };
    walk("");
    expect(checked).toBe((5 ** 8 - 1) / 4);
  });

  it("does cut: the padded cases are parsed from a text a fraction of their size", () => {
    for (const name of ["a plain Fields table", "escaped pipes, spaces around them kept", "CRLF line ends", "a table-like block inside a code fence", "an HTML block before a table-like line"]) {
      const source = CASES[name]!;
      const compact = compactTables(source);
      expect(compact, name).toBeDefined();
      expect(compact!.text.length, name).toBeLessThan(source.length * 0.6);
    }
    // Inside a fence, nothing is cut: only the second table shrinks.
    const fenced = CASES["a table-like block inside a code fence"]!;
    expect(compactTables(fenced)!.text).toContain(rule(4));
  });

  it("leaves out the cells that can parse to one node only, and fills them in (no fallback to the source as written)", () => {
    const source = CASES["cells the parser is not given, each kind"]!;
    const compact = compactTables(source, true)!;
    // Every cell of the three rows and the header: 16, each kind among them.
    expect(compact.fills).toHaveLength(16);
    expect(new Set(compact.fills.map((f) => f.kind))).toEqual(new Set(["text", "inlineCode", "emphasis"]));
    expect(compact.text).not.toContain("Optional");
    // Its title too is left out, and every body row is all such cells: each goes to the parser as one pipe.
    expect(compact.headings.map((h) => h.kind)).toEqual(["text"]);
    expect(compact.text.startsWith("#\n")).toBe(true);
    expect(compact.rows).toHaveLength(3);
    expect(compact.text.split("\n").filter((line) => line === "|")).toHaveLength(3);
    expect(parseCompacted(source)).toEqual(parseAsWritten(source));
    // With a definition in the doc, `*Optional[str]*` is read by the parser; without the flag (a user's plugins), no cell is left out.
    expect(compactTables(CASES["a link reference definition: a bracketed label is a link"]!, true)!.fills.map((f) => f.kind)).not.toContain("emphasis");
    expect(compactTables(source, false)!.fills).toEqual([]);
    expect(compactTables(source, false)!.rows).toEqual([]);
  });

  it("leaves out link cells too, as text, a link over one text, then text", () => {
    const source = CASES["links among text in cells, and what is no such link"]!;
    const compact = compactTables(source, true)!;
    const links = compact.fills.filter((f) => f.kind === "link").map((f) => source.slice(f.start, f.end));
    expect(links).toEqual(expect.arrayContaining(["[models.Pet](../models/pet.md)", "List[[Pet](pet.md)]", "List\\<[Errors](../../models/errors/Errors.md)>", "List<[Models.X](../../Models/X.md)>", "[Nullable[models.A]](../models/a.md)"]));
    // `[a[b](c.md)` is text `[a`, then a link: taken too, as the parser reads it.
    expect(links).toContain("[a[b](c.md)");
    for (const odd of ["[X](x.md)[Y](y.md)", "![X](x.png)", "[X](x.md \"title\")", "[*X*](x.md)", "Map<String, List<[X](x.md)>>", "[](x.md)", "[X](x&amp;y.md)"]) expect(links).not.toContain(odd);
    expect(parseCompacted(source)).toEqual(parseAsWritten(source));
    // With a definition in the doc, the parser reads every bracket.
    expect(compactTables(CASES["a link cell beside a link reference definition"]!, true)!.fills.map((f) => f.kind)).not.toContain("link");
  });

  it("parses other cells apart, each as a paragraph, but those that would start another block as such", () => {
    const source = CASES["cells parsed apart, each as a paragraph, and those that would start another block"]!;
    const compact = compactTables(source, true)!;
    const apart = compact.fills.filter((f) => f.kind === "parsed").map((f) => source.slice(f.start, f.end));
    // Text, emphasis, code spans and bare tags are built without the parser.
    const inline = compact.fills.filter((f) => f.kind === "inline").map((f) => source.slice(f.start, f.end));
    expect(inline).toEqual(expect.arrayContaining(["The `art` of it", "`a` and `b_c`", "`a` `b`", "**bold** and *em*", "a <b>b</b>", "*x", "[x] y", "_`x`_", "[a](b) and [c](d)"]));
    for (const odd of ["x ` y ` z", "x `a\\b` y", "a` b", "p `q` r `s", "`a``b`", "x `a``b` y", "[c] `d` (e)"]) expect(inline).not.toContain(odd);
    expect(apart).toEqual(expect.arrayContaining(["a &amp; b &#42; c", "~~`gone`~~", "![i](i.png) z", "`` `x` ``", "[c] `d` (e)", "x ` y ` z"]));
    for (const block of ["# x", "> q", ">q", "- item", "-1", "+ x", "+x", "1. one", "1) two", "***", "* x", "___", "_ _ _", "<div>x</div>", "```x```", "~~~x", "`a \\| b`", "a \\| b"]) expect(apart).not.toContain(block);
    // None falls back: the tree is the compacted one.
    expect(parseCompacted(source)).toEqual(parseAsWritten(source));
    expect(parseCompacted(source)).toBeDefined();
    expect(compactTables(CASES["a cell parsed apart beside a link reference definition"]!, true)!.fills.map((f) => f.kind)).not.toContain("parsed");
  });

  it("builds text and emphasis without the parser, and parses apart what is more than that", () => {
    const source = CASES["text and emphasis spans in cells, and what is more than that"]!;
    const compact = compactTables(source, true)!;
    const kinds = new Map(compact.fills.map((f) => [source.slice(f.start, f.end), f.kind]));
    for (const inline of ["List[*str*]", "Dict[str, *Any*]", "list[dict[str, *Any*]]", "a*b*c", "*a* and *b*", "a*b*c*d*e", "*x* *y* *z*", "(*a*)", "*a*:", "[a *b* c]", "*x*(y)", "*a_b* c_d", "*a*\\<b\\>", "*a*\u00a0*b*", "*a **b*", "*a**b*", "x *a* y *b", "x * y", "a_*b*", "*b*_c", "List[*str*] `x`", "*a]* b", "* a* b", "*a* *b *"]) expect(kinds.get(inline), inline).toBe("inline");
    expect(kinds.get("*x* [y](z)")).toBe("inline");
    expect(kinds.get("[*x*](y)")).not.toBe("inline");
    expect(parseCompacted(source)).toEqual(parseAsWritten(source));
    // With a link reference definition in the doc, brackets are the parser's to read.
    const defined = `${source}\n[y]: https://example.com/y\n`;
    expect(compactTables(defined, true)!.fills.filter((f) => f.kind === "inline").map((f) => defined.slice(f.start, f.end))).not.toContain("[a *b* c]");
    expect(parse(defined)).toEqual(parseAsWritten(defined));
  });

  it("reads a line of inline content as the parser reads it in a table cell, on every sequence of up to five pieces of a set made to trip it", () => {
    const sets = [
      { pieces: ["a", " ", "*", "_", "**", "`c`", "."], upTo: 5 },
      { pieces: ["a", " ", "*", "_", "<b>", "</i >", "\u00e9", "[", "]", "\\<", "!", "& ", ")", "``", "\\.", "\\*", "\\_", "\\\\", "\\|", "\\", "< ", "`*`"], upTo: 3 },
      { pieces: ["a", " ", "*", "_", "[a](b)", "[a ](c*)", "(", ")", "[", "]", "`x`", "!"], upTo: 4 },
    ];
    let built = 0;
    let checked = 0;
    for (const { pieces, upTo } of sets) {
      let texts = [""];
      for (let n = 1; n <= upTo; n++) {
        texts = texts.flatMap((t) => pieces.map((p) => t + p));
        for (const text of texts) {
          // A cell's content is trimmed.
          if (text.trim() !== text) continue;
          checked++;
          const items = inlineItems(text, true);
          if (!items) continue;
          built++;
          const prefix = "| h |\n| - |\n| ";
          const table = parseAsWritten(`${prefix}${text} |\n`).children[0] as Table;
          const cell = table.children[1]!.children[0]!;
          expect(inlineNodes(text, items, (i) => ({ line: 3, column: 3 + i, offset: prefix.length + i })), text).toEqual(cell.children);
        }
      }
    }
    // Most are built by hand; what is not goes to the parser.
    expect(built).toBeGreaterThan(checked / 2);
  }, 120_000);

  it("maps positions back to the source as written (a cell's text slices out exactly)", () => {
    const source = CASES["a plain Fields table"]!;
    const tree = parse(source);
    const table = tree.children.find((n) => n.type === "table");
    expect(table?.type).toBe("table");
    if (table?.type !== "table") return;
    const cell = table.children[2]!.children[1]!.children[0]!;
    expect(source.slice(cell.position!.start.offset, cell.position!.end.offset)).toBe("*Optional[str]*");
    const line = source.split("\n")[cell.position!.start.line - 1]!;
    expect(line.startsWith("| `name`")).toBe(true);
    expect(cell.position!.start.column).toBe(line.indexOf("*Optional") + 1);
  });
});

describe("skeletonTree: the parser's tree of a compact text, without the parser", () => {
  /** Held to the parser's tree wherever it gives one; how many it gave. */
  const check = (texts: Iterable<string>): number => {
    let built = 0;
    for (const text of texts) {
      const tree = skeletonTree(text, text.includes("]:"));
      if (!tree) continue;
      built++;
      expect(JSON.stringify(tree), JSON.stringify(text)).toBe(JSON.stringify(markdownParser.parse(text)));
    }
    return built;
  };
  /** Every sequence of up to `length` items of `alphabet`, joined by `glue`. */
  function* sequences(alphabet: readonly string[], length: number, glue: string): Generator<string> {
    const walk = function* (prefix: string[]): Generator<string> {
      if (prefix.length > 0) yield prefix.join(glue);
      if (prefix.length < length) for (const item of alphabet) yield* walk([...prefix, item]);
    };
    yield* walk([]);
  }

  it("on every sequence of up to four lines of a set made to trip it", () => {
    const lines = ["", "#", "###", "#######", "# x", "| |", "| | |", "| --- |", "| :-: | ---: |", "|---|", "|", "| x |", "Plain text [b]", "2xx codes", "1. item", "- item", "x\\<y\\>", "trail ", "Line\\", "---", "```", "```py", "````", "`a`", "Use `a` and `b_c`", "a ` b ` c", "x `` y", "a `b", "p `a|b` q", "s_`x`", "[c] `d`", "x `a``b` y", "x `a` `b`"];
    expect(check(sequences(lines, 4, "\n"))).toBeGreaterThan(1000);
  });

  it("on every sequence of up to four blocks, parted by one or two empty lines", () => {
    const blocks = [
      "#", "######", "| |\n| --- |", "| | |\n|:--|--:|\n|\n|", "| | |\n| --- |\n|", "| |\n| --- |\n|\nx", "Some text (here)\nand more: 1.5",
      "A [b] c", "Text\n===", "Text\n  lead", "9. nine", "1234567890. ten digits", "```\n```", "```ts\n| |\n# x\n\n\tcode\n```", "```\n````\n```", "```\n  ```\n```",
      "```\nopen", "[x]: y", "Text é", "a_b and_c", "_x_", "The `art` of it", "Touching `a``b` spans", "A `b`\nnext line", "`lead` text", "x `a\\b` y", "(a) [b] `c`",
    ];
    let built = 0;
    for (const glue of ["\n\n", "\n\n\n"]) for (const text of sequences(blocks, 3, glue)) built += check([text, `\n${text}\n`, `${text}\n\n`]);
    expect(built).toBeGreaterThan(5000);
  });
});

/** Every `.md` file under `dir`. */
function docsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...docsUnder(path));
    else if (name.endsWith(".md")) out.push(path);
  }
  return out;
}

describe("parse: the same trees on real docs", () => {
  it("every fixture doc", () => {
    const docs = docsUnder(join(ROOT, "fixtures"));
    expect(docs.length).toBeGreaterThan(50);
    for (const path of docs) {
      const source = readFileSync(path, "utf8");
      expect(parse(source), path).toEqual(parseAsWritten(source));
    }
  });

  it.skipIf(!HAS_CORPUS)("every doc of the shared corpus (skipped without ../shared)", () => {
    const docs = [...docsUnder(SPEAKEASY_CORPUS), ...docsUnder(DIALECTS_CORPUS)];
    expect(docs.length).toBeGreaterThan(12000);
    let differing: string[] = [];
    let compactable = 0;
    let fellBack = 0;
    let skeletons = 0;
    for (const path of docs) {
      const source = readFileSync(path, "utf8");
      const fast = parseCompacted(source);
      const compact = compactTables(source, true);
      if (compact) compactable++;
      if (compact && !fast) fellBack++;
      // Where no parser is needed, the tree built is the parser's, for the compact text as for the source.
      const skeleton = compact && skeletonTree(compact.text, compact.definitions);
      if (skeleton) {
        skeletons++;
        if (JSON.stringify(skeleton) !== JSON.stringify(markdownParser.parse(compact.text))) differing = [...differing, `${path} (compact)`];
      }
      // Deep equality through vitest is slow on 12,000 trees: compare their JSON.
      if (JSON.stringify(fast ?? parse(source)) !== JSON.stringify(parseAsWritten(source))) differing = [...differing, path];
    }
    expect(differing).toEqual([]);
    // The compacted way is the usual one, not a path that falls back unseen (measured: 8,506 docs with tables to compact, none falling back).
    expect(compactable).toBeGreaterThan(8000);
    expect(fellBack / compactable).toBeLessThan(0.01);
    // Measured: about half the corpus's compact texts (6,565 of 12,616, .mdx pages included) need no parser but for their cells.
    expect(skeletons).toBeGreaterThan(5000);
  }, 240_000);
});
