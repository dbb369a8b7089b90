import react from "@vitejs/plugin-react"
import { defineConfig, type ProxyOptions } from "vite"

// The SPA calls the API as /api/*; the dev server and `vite preview` forward it to API_URL without the prefix,
// so the browser never needs CORS. In production a reverse proxy does the same.
const apiUrl = process.env.API_URL ?? "http://127.0.0.1:3000"
const proxy: Record<string, ProxyOptions> = {
  "/api": { target: apiUrl, changeOrigin: true, rewrite: (path) => path.replace(/^\/api(?=\/|\?|$)/, "") },
}

export default defineConfig({
  plugins: [react()],
  server: { host: "127.0.0.1", port: 5173, strictPort: true, proxy },
  preview: { host: "127.0.0.1", port: 5173, strictPort: true, proxy },
  build: {
    rollupOptions: {
      output: { manualChunks: { antd: ["antd"] } },
    },
    // antd is one large chunk, cached across releases; the app's own code stays small.
    chunkSizeWarningLimit: 1500,
  },
})
