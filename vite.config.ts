import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = process.env.MOTCUA_API_URL ?? 'http://localhost:3000';

/** Web app build: sources in web/, output in web/dist (served by the Fastify app in production). */
export default defineConfig({
  root: 'web',
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/health': { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Big libraries get their own long-cached chunks so no single file is huge and app changes do not bust them.
        // Splitting a library across chunks can reorder module evaluation; keep the source order.
        strictExecutionOrder: true,
        codeSplitting: {
          groups: [
            { name: 'antd-icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 30 },
            // antd is ~1.2 MB minified; maxSize splits it into a few similarly sized, long-cached files.
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+)[\\/]/, priority: 20, maxSize: 600_000 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
