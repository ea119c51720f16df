/**
 * `npm start`: how to run the add-in from this machine. office-addin-debugging is not installed (its
 * `start` sideloads into desktop Excel, which does not exist on Linux), so this prints the steps instead.
 */
const port = Number(process.env.npm_package_config_dev_server_port || 3000);

const text = `
Kensa — running the Excel add-in (開発用の起動手順)

1. Serve the task pane over HTTPS:
     npm run dev-server            → https://localhost:${port}/taskpane.html
   webpack-dev-server makes a self-signed certificate. Open that address once in the browser that
   Excel uses and accept the certificate, or Excel shows a blank pane.
   A trusted localhost certificate needs office-addin-dev-certs (npx office-addin-dev-certs install),
   which needs sudo on Linux and admin rights on Windows/macOS; it is not installed here.

2. Sideload manifest.xml:
   • Excel on the web: Home → Add-ins → More add-ins → My add-ins → Upload My Add-in → manifest.xml
     (the page must be able to reach https://localhost:${port}; use a tunnel or deploy otherwise).
   • Excel on Windows/macOS: npx office-addin-debugging start manifest.xml   (downloads the tool;
     Windows/macOS only), or put manifest.xml in a shared-folder catalog (Windows) or
     ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef (macOS).

3. For a deployment, build with the public address in the manifest:
     KENSA_PUBLIC_URL=https://example.go.jp/kensa/ npm run build   → dist/
   Bump <Version> in manifest.xml when the ribbon commands change (Office caches them).

Opening https://localhost:${port}/taskpane.html in a plain browser shows “not running inside Excel”.
`;

process.stdout.write(text);
