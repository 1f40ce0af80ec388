/**
 * OAG `kotlin` Type cells (grammar §A.5): `kotlin.String`, `kotlin.Int`,
 * `kotlin.Long`, `kotlin.Boolean`, `java.math.BigDecimal`,
 * `java.time.OffsetDateTime`, `java.util.UUID`, `java.net.URI`,
 * `kotlin.collections.List<T>`, `kotlin.collections.Set<T>`,
 * `kotlin.collections.Map<kotlin.String, T>`, `kotlin.Any`; inline enums are
 * `[**inline**](#Status)` (the row reader resolves the link to the
 * `## Enum:` section). Names are camelCase (§A.3); null is not shown (§A.4),
 * but a `?` the generator writes inside a container is Kotlin's nullable.
 */

import { ANY, BOOLEAN, DATE, DATE_TIME, external, INTEGER, NUMBER, STRING } from "../shared-types.js";
import { angleLanguage, BYTES } from "./generic.js";

export const kotlin = angleLanguage("kotlin", "camelCase", "lost", {
  names: {
    "kotlin.String": STRING,
    "kotlin.Char": STRING,
    "java.util.UUID": STRING,
    "java.net.URI": STRING,
    "kotlin.Int": INTEGER,
    "kotlin.Long": INTEGER,
    "kotlin.Short": INTEGER,
    "kotlin.Byte": INTEGER,
    "java.math.BigInteger": INTEGER,
    "kotlin.Float": NUMBER,
    "kotlin.Double": NUMBER,
    "java.math.BigDecimal": NUMBER,
    "kotlin.Boolean": BOOLEAN,
    "java.time.OffsetDateTime": DATE_TIME,
    "java.time.LocalDateTime": DATE_TIME,
    "java.time.Instant": DATE_TIME,
    "kotlinx.datetime.Instant": DATE_TIME,
    "java.time.LocalDate": DATE,
    "kotlinx.datetime.LocalDate": DATE,
    "kotlin.ByteArray": BYTES,
    "kotlin.Any": ANY,
    "kotlinx.serialization.json.JsonElement": ANY,
    "kotlinx.serialization.json.JsonObject": ANY,
    "java.io.File": external("java.io.File"),
  },
  lists: ["kotlin.collections.List", "kotlin.collections.Set", "kotlin.collections.MutableList", "kotlin.collections.MutableSet", "kotlin.Array"],
  maps: ["kotlin.collections.Map", "kotlin.collections.MutableMap"],
  question: true,
});
