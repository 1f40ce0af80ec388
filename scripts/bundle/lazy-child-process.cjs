// The CLI bundle's stand-in for `node:child_process` where commander requires it (see
// scripts/bundle.mjs). commander loads it at startup for one use, running a subcommand that is
// a program of its own (`spawn`), which mdtypes never has; loading it (and `net`, `dgram` and
// streams with it) is a few milliseconds of every run. This loads it at that use, if ever.
"use strict";

module.exports = {
  spawn(...args) {
    return require("node:child_process").spawn(...args);
  },
};
