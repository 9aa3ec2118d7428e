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
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // Big libraries get their own long-cached chunks so no single file is huge and app changes do not bust them.
        codeSplitting: {
          groups: [
            { name: 'antd-icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 30 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+)[\\/]/, priority: 20 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
