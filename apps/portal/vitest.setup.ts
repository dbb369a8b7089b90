import { configure } from "@testing-library/react"

// findBy*/waitFor give up after 1 s by default; a lazy page's first antd render under happy-dom on a loaded 2-core
// machine can take longer. A limit, not a speed assertion: a missing element still fails, only later.
configure({ asyncUtilTimeout: 10_000 })
