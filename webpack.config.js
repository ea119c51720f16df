/**
 * Builds the task pane and the ribbon commands into dist/.
 *
 *   npm run build       production (default mode), content-hashed bundles
 *   npm run build:dev   development
 *   npm run dev-server  https://localhost:3000 with a self-signed certificate (see scripts/start.ts)
 *
 * KENSA_PUBLIC_URL=https://example.go.jp/kensa/ npm run build rewrites https://localhost:3000/ in the
 * copied manifest.xml, for deployment.
 */
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const MinimizerPlugin = require("minimizer-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const COMMANDS_ENTRY = "./src/commands/commands.ts";
const COMMANDS_HTML = "./src/commands/commands.html";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Used only until src/commands/commands.html exists: a page that loads Office.js and the commands bundle. */
const FALLBACK_COMMANDS_HTML = `<!doctype html>
<html><head><meta charset="UTF-8" /><title>Kensa commands</title>
<script type="text/javascript" src="${OFFICE_JS}"></script></head><body></body></html>`;

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  const dev = mode === "development";
  const publicUrl = process.env.KENSA_PUBLIC_URL;
  const hasCommands = fs.existsSync(path.resolve(__dirname, COMMANDS_ENTRY));

  const entry = { taskpane: "./src/taskpane/index.tsx" };
  if (hasCommands) entry.commands = COMMANDS_ENTRY;

  const plugins = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["taskpane"],
    }),
    new CopyWebpackPlugin({
      patterns: [
        // The XSDs are for the offline manifest check, not for Excel.
        { from: "assets", to: "assets", noErrorOnMissing: true, globOptions: { ignore: ["**/schemas/**"] } },
        {
          from: "manifest.xml",
          to: "manifest.xml",
          noErrorOnMissing: true,
          transform(content) {
            return publicUrl && !dev ? content.toString().split(DEV_URL).join(publicUrl) : content;
          },
        },
      ],
    }),
  ];
  if (hasCommands) {
    const commandsHtml = fs.existsSync(path.resolve(__dirname, COMMANDS_HTML))
      ? { template: COMMANDS_HTML }
      : { templateContent: FALLBACK_COMMANDS_HTML };
    plugins.push(new HtmlWebpackPlugin({ filename: "commands.html", chunks: ["commands"], ...commandsHtml }));
  }

  return {
    mode,
    entry,
    devtool: "source-map",
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash].js",
      chunkFilename: "[name].[contenthash].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // ES modules so webpack can tree-shake Fluent UI and the icons; the type check is `npm run typecheck`
              compilerOptions: { module: "esnext", moduleResolution: "bundler", target: "ES2020", sourceMap: true },
            },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext]" },
        },
      ],
    },
    optimization: {
      // swc minifies in a quarter of terser's CPU time (42.7 vs 150.8 s user, same build) and the bundles come out
      // 1% smaller; @swc/core is already the tests' compiler.
      minimizer: [new MinimizerPlugin({ minify: { implementation: MinimizerPlugin.swcMinify } })],
      // the task pane's libraries (react, Fluent) in their own file: they change less often than Kensa's
      // code, so a deploy usually invalidates only the small taskpane bundle. The commands bundle stays whole.
      splitChunks: {
        cacheGroups: {
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: "taskpane-vendor",
            chunks: (chunk) => chunk.name === "taskpane",
          },
          // browser mode (src/browser, loaded with import() outside Office): exceljs and what only it needs.
          // exceljs resolves to its prebuilt browser bundle (package.json "browser": dist/exceljs.min.js),
          // which carries its own stream/buffer shims, so no Node fallbacks are configured here.
          browserVendor: { test: /[\\/]node_modules[\\/]/, name: "browser-vendor", chunks: "async", priority: -5 },
          // exceljs and jszip only write (annotated copies, the template, downloads, acceptances): their own chunk,
          // loaded on the first write. Reading and checking (src/adapters/xlsx: fflate, saxes) never load them.
          writerVendor: {
            test: /[\\/]node_modules[\\/](exceljs|jszip)[\\/]/,
            name: "writer-vendor",
            chunks: "async",
            priority: 0,
          },
        },
      },
    },
    performance: {
      hints: dev ? false : "warning",
      // raw bytes; the budget that matters is ≤ 400 KB gzip for the task pane (see the report in scripts/start.ts)
      maxEntrypointSize: 1_800_000,
      maxAssetSize: 1_500_000,
    },
    plugins,
    devServer: {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      // webpack-dev-server makes a self-signed certificate; office-addin-dev-certs needs sudo on Linux
      server: "https",
      static: false,
      hot: false,
      headers: (req) => {
        const headers = { "Access-Control-Allow-Origin": "*" };
        if (/\.html?(\?|$)/.test(req.url || "") || req.url === "/") headers["Cache-Control"] = "no-cache";
        return headers;
      },
    },
  };
};
