// Compiles the GOV.UK "Exit this page" styles (the only GOV.UK component the page uses) into
// web/generated/, so the page needs no CDN and not the whole GOV.UK stylesheet. System fonts:
// GOV.UK's own typeface is licensed for gov.uk services only.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const sass = require('sass');

const root = join(__dirname, '..');
const entry = `
@use "govuk-frontend/dist/govuk/settings" with (
  $govuk-include-default-font-face: false,
  $govuk-font-family: (system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif)
);
@use "govuk-frontend/dist/govuk/components/exit-this-page";
`;
const result = sass.compileString(entry, { loadPaths: [join(root, 'node_modules')], style: 'compressed', quietDeps: true });
mkdirSync(join(root, 'web', 'generated'), { recursive: true });
writeFileSync(join(root, 'web', 'generated', 'exit-this-page.css'), result.css);
console.log(`web/generated/exit-this-page.css: ${result.css.length} bytes`);
