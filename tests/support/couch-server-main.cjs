// Starts pouchdb-server (the test server for sync) with one known bug fixed in memory:
// pouchdb-validation overwrites an incoming document's _revisions with the stored one's whenever a
// database has a validate_doc_update, so a replicated edit (new_edits: false) looks like a revision
// the server already holds and is dropped without an error (pouchdb/pouchdb-server#419, fix
// proposed in #420, not released). Apache CouchDB does not have this bug; without the fix the test
// server would lose edits a real desk's server keeps. Nothing on disk is changed.
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const server = path.dirname(require.resolve('pouchdb-server/package.json'));
const file = require.resolve('pouchdb-validation', { paths: [server] });
const bug = 'newDoc._revisions = (oldDoc || {})._revisions;';
const source = fs.readFileSync(file, 'utf8');
if (!source.includes(bug)) throw new Error(`pouchdb-validation changed (${file}): check whether pouchdb/pouchdb-server#419 is fixed and drop this shim.`);
const patched = new Module(file, module);
patched.filename = file;
patched.paths = Module._nodeModulePaths(path.dirname(file));
patched._compile(source.replace(bug, 'if (!newDoc._revisions && oldDoc) newDoc._revisions = oldDoc._revisions;'), file);
patched.loaded = true;
require.cache[file] = patched;

require(path.join(server, 'bin', 'pouchdb-server'));
