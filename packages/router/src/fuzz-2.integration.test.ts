import { fuzzShard } from "./fuzz-suite.js"

/** Issue 15's fuzz, the procedures of shard 2 (see fuzz-suite.ts: the shards run in parallel workers). */
fuzzShard(1)
