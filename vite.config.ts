import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

const backend = process.env.MOTCUA_API_URL ?? 'http://localhost:3000';

/** The subset of a Vite/Rolldown plugin this one needs (both accept it). */
interface ResolvePlugin {
  name: string;
  enforce?: 'pre';
  resolveId(source: string, importer: string | undefined): string | null;
  load(id: string): string | null;
}

const PREFIX = '\0motcua-decorative-icon:';
/** How each icon file of @ant-design/icons imports the component that renders it (`../components/AntdIconLight`). */
const ICON_COMPONENT = /^\.\.\/components\/(AntdIconLight|AntdIcon)(\.js)?$/;
const FROM_ICONS_PACKAGE = /[\\/]@ant-design[\\/]icons[\\/]es[\\/]icons[\\/]/;

/**
 * Makes every antd icon decorative unless it is given a name (issue 11 item 9): the icon files of @ant-design/icons,
 * those antd uses inside its own components included (clear buttons, select arrows, pagination), import their
 * renderer from `../components/AntdIconLight`; this plugin hands them that renderer wrapped by
 * web/ui/decorative-icon.ts instead. One place rather than `aria-hidden` on each of a hundred icons, and antd's
 * internal icons cannot be reached otherwise. Used by the build and by the dev server's dependency bundler.
 * Pinned to @ant-design/icons 6.3 (its file layout); the browser journey e2e/a11y.spec.ts fails if icons read out
 * their file names again.
 */
function decorativeIcons(root: string): ResolvePlugin {
  const wrapper = path.join(root, 'web/ui/decorative-icon.ts');
  return {
    name: 'motcua-decorative-icons',
    enforce: 'pre',
    resolveId(source, importer) {
      const match = ICON_COMPONENT.exec(source);
      if (!match || !importer || !FROM_ICONS_PACKAGE.test(importer)) return null;
      return PREFIX + match[1];
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const component = id.slice(PREFIX.length);
      return [
        `import Icon from '@ant-design/icons/es/components/${component}';`,
        `import { decorativeIcon } from ${JSON.stringify(wrapper)};`,
        'export default decorativeIcon(Icon);',
      ].join('\n');
    },
  };
}

/** Web app build: sources in web/, output in web/dist (served by the Fastify app in production). */
export default defineConfig({
  root: 'web',
  plugins: [react(), decorativeIcons(import.meta.dirname)],
  // The dev server pre-bundles antd and its icons with Rolldown, outside the plugin list above.
  optimizeDeps: { rolldownOptions: { plugins: [decorativeIcons(import.meta.dirname)] } },
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
