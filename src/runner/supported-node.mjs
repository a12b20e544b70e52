// @ts-check
// Imported first by the runner's entry points (plain JavaScript, since cli-entry.mjs has no loader
// yet): an old Node.js gets one plain sentence, not a crash deep inside mongoose or the MongoDB
// driver (they need 20.19 or newer).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(
    `This playground needs Node.js 20.19 or newer, and this is ${process.version}. ` +
      'Install the current LTS from https://nodejs.org (or with nvm: nvm install --lts), then run npm install again.',
  );
  process.exit(1);
}
