import react from "@vitejs/plugin-react"
import { defineConfig, type ProxyOptions } from "vite"
import { initialJs } from "../../tooling/vite/initial-js.js"

// The SPA calls the API as /api/*; the dev server and `vite preview` forward it to API_URL without the prefix,
// so the browser never needs CORS. In production a reverse proxy does the same.
const apiUrl = process.env.API_URL ?? "http://127.0.0.1:3000"
const proxy: Record<string, ProxyOptions> = {
  "/api": { target: apiUrl, changeOrigin: true, rewrite: (path) => path.replace(/^\/api(?=\/|\?|$)/, "") },
}

export default defineConfig({
  // The first page a phone loads stays within 200 kB of gzip JavaScript (issue 17); the build says how much.
  plugins: [react(), initialJs(200)],
  server: { host: "127.0.0.1", port: 5174, strictPort: true, proxy },
  preview: { host: "127.0.0.1", port: 5174, strictPort: true, proxy },
  build: {
    // No manual antd chunk: each page brings the antd components it uses, so the first page a phone loads
    // carries only the frame's and the home page's (issue 17: initial JS ≤ 200 kB gzip).
    chunkSizeWarningLimit: 1500,
  },
})
