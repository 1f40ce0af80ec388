/**
 * OAG `dart` (dart2) and legacy dart Type cells (grammar §A.5): `String`,
 * `int`, `double`, `num`, `bool`, `DateTime`, `List<T>`, `Set<T>`,
 * `Map<String, T>`, `Object`. Names are camelCase (§A.3); null is not
 * shown (§A.4).
 */

import { ANY, BOOLEAN, external, INTEGER, NUMBER, STRING } from "../shared-types.js";
import { angleLanguage, DATE_OR_DATE_TIME } from "./generic.js";

export const dart = angleLanguage("dart", "camelCase", "lost", {
  names: {
    String: STRING,
    int: INTEGER,
    double: NUMBER,
    num: NUMBER,
    bool: BOOLEAN,
    // dart2 spells `date` and `date-time` both `DateTime`.
    DateTime: DATE_OR_DATE_TIME,
    Object: ANY,
    dynamic: ANY,
    MultipartFile: external("MultipartFile"),
  },
  lists: ["List", "Set"],
  maps: ["Map"],
});
