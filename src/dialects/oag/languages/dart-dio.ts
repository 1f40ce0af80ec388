/**
 * OAG `dart-dio` Type cells (grammar §A.5): the dart primitives (`String`,
 * `int`, `double`, `num`, `bool`), `DateTime` and `Date` (linked to docs that
 * do not exist: `[**DateTime**](DateTime.md)`), `BuiltList<T>`,
 * `BuiltSet<T>`, `BuiltMap<String, T>` (built_value; `List`, `Set`, `Map`
 * with json_serializable), `JsonObject` for free-form values, `Uint8List`
 * for binary. Names are camelCase (§A.3); null is not shown (§A.4).
 */

import { ANY, BOOLEAN, DATE, DATE_TIME, external, INTEGER, NUMBER, STRING } from "../shared-types.js";
import { angleLanguage } from "./generic.js";

export const dartDio = angleLanguage("dart-dio", "camelCase", "lost", {
  names: {
    String: STRING,
    int: INTEGER,
    double: NUMBER,
    num: NUMBER,
    bool: BOOLEAN,
    DateTime: DATE_TIME,
    Date: DATE,
    JsonObject: ANY,
    Object: ANY,
    Uint8List: external("Uint8List"),
    MultipartFile: external("MultipartFile"),
  },
  lists: ["BuiltList", "BuiltSet", "List", "Set"],
  maps: ["BuiltMap", "Map"],
});
