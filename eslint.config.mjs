// Lint: typescript-eslint's type-aware rules, the React hooks rules, and the layering of the architecture enforced
// as import zones, so a back-arrow fails `npm test` instead of waiting for a review.
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import importX from "eslint-plugin-import-x";

/**
 * Lowest first: a layer may import only from the layers listed before it. The issue's coarse order
 * (model ← values ← sheets ← rules ← engine ← apply ← adapters ← faces) with the core's smaller folders in their
 * place: compute (period and target arithmetic) and catalogue (indicator definitions) are read by the sheet
 * readers; accept (確認済み findings) is applied by the engine to the rules' findings; report (rule names, the
 * JSON schema, text layout) renders the engine's results; apply and template build on all of these.
 */
const LAYERS = [
  ["model", ["src/core/model"]],
  ["values", ["src/core/values"]],
  ["compute", ["src/core/compute"]],
  ["catalogue", ["src/core/catalogue"]],
  ["sheets", ["src/core/sheets"]],
  ["rules", ["src/core/rules"]],
  ["accept", ["src/core/accept"]],
  ["engine", ["src/core/engine.ts"]],
  ["report", ["src/core/report"]],
  ["apply", ["src/core/apply", "src/core/template"]],
  ["adapters", ["src/adapters", "src/host"]],
  ["faces", ["src/cli", "src/taskpane", "src/browser", "src/commands", "src/manifest"]],
];
const ORDER = LAYERS.map(([name]) => name).join(" ← ");

const layerZones = LAYERS.slice(0, -1).flatMap(([name, targets], i) =>
  targets.map((target) => ({
    target,
    from: LAYERS.slice(i + 1).flatMap(([, paths]) => paths),
    message: `the ${name} layer must not import from a layer above it (${ORDER})`,
  })),
);

const TESTS = ["test/**", "src/**/*.test.ts", "src/**/*.test.tsx"];

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "out/**", "node_modules/**", "test-results/**", "docs/**", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "import-x": importX },
    settings: { "import-x/resolver": { node: { extensions: [".ts", ".tsx", ".js"] } } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: layerZones }],
      // `_name` marks a parameter an interface or a callback position requires but this code does not use.
      // async marks a method that implements a Promise-returning interface (WorkbookHost, Office.js in the fakes):
      // a throw inside must reach the caller as a rejection, as it does from the real host, even with no await.
      "@typescript-eslint/require-await": "off",
      // Cell values from exceljs and Office.js end in String(v) for a shape no branch above handled (every known
      // one — rich text, errors, dates, formulas — is handled first); a visible text beats a throw in a report.
      "@typescript-eslint/no-base-to-string": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // The hooks rules judge functions by their `use…` names: they apply to the React code, not to the CLI or core.
    files: [
      "src/taskpane/**/*.tsx",
      "src/taskpane/**/*.ts",
      "src/browser/**/*.tsx",
      "src/browser/**/*.ts",
      "test/**/*.tsx",
    ],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Tests build loose fixtures (jest's asymmetric matchers are `any`, JSON goldens are parsed as `any`) and pass
    // mocked methods to expect(); the unsafe-* and unbound-method rules would flag the idiom, not a defect. The
    // other type-aware rules still apply.
    files: TESTS,
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/unbound-method": "off",
    },
  },
);
