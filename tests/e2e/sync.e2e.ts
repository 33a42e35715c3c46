// Sharing a case from the app (issue 13), in browser mode against a real CouchDB-protocol server
// (pouchdb-server, tests/support/couch-server.ts) with a TCP proxy in front of the app's core to cut
// its network, and a colleague's core (tests/support/sync-clients.ts) on the same database.
import { test, expect } from './fixtures.ts';
import { CouchServer } from '../support/couch-server.ts';
import { Client } from '../support/sync-clients.ts';
import { TcpProxy } from '../support/tcp-proxy.ts';
import { AxePage } from './pages/AxePage.ts';
import { SyncPage } from './pages/SyncPage.ts';

const ED = { name: 'ed', password: 'ed-pw', role: 'editor' as const };
const EVE = { name: 'eve', password: 'eve-pw', role: 'editor' as const };
const VI = { name: 'vic', password: 'vic-pw', role: 'viewer' as const };

let couch: CouchServer;
let dbs = 0;
test.beforeAll(async () => {
  couch = await CouchServer.start();
});
test.afterAll(async () => {
  await couch?.stop();
});

const report = (title: string) => ({
  name: `${title}.txt`,
  mimeType: 'text/plain',
  buffer: Buffer.from(`${title}\n\nOfficials said 12 rockets hit the base on Wednesday.\n`),
});

test('share a case: wrong password and unreachable server said in the dialog; then synced, offline while cut, a colleague’s report arriving', async ({
  app,
  start,
  library,
}) => {
  // Two cores, a proxy cut and restored, the server's back-off: past the default minute on a loaded machine.
  test.setTimeout(150_000);
  const db = `e2e-${++dbs}`;
  await couch.createCaseDb(db, [ED, EVE, VI]);
  const proxy = await TcpProxy.start(couch.port);
  const sync = new SyncPage(app);
  const colleague = await Client.make('col', couch.port);
  try {
    await start.createCase('Taji desk');
    await library.importFiles([report('Wire report')]);
    await library.waitForImport();
    await sync.expectStatus(/^Share this case$/);

    await sync.share(`${proxy.url}/${db}`, ED.name, 'wrong');
    await expect(sync.error).toContainText('did not accept this name and password (401)');
    await new AxePage(app).expectClean('Share dialog with an error', ['light']);
    const unreachable = await TcpProxy.start(couch.port);
    unreachable.cut();
    await sync.share(`${unreachable.url}/${db}`, ED.name, ED.password);
    await expect(sync.error).toContainText(/Could not reach .*Your edits are kept here/);
    await unreachable.close();

    await sync.share(`${proxy.url}/${db}`, ED.name, ED.password);
    await expect(sync.dialog).toBeHidden();
    await sync.expectStatus(/^Sync: Synced\. Sharing settings$/);

    // A colleague on the same database gets the report, and sends one back.
    await colleague.startSync(db, { username: EVE.name, password: EVE.password });
    await colleague.sync!.once();
    expect((await colleague.core.call('cases.open', { caseId: colleague.caseId })) as { sources: unknown[] }).toMatchObject({ sources: [{}] });
    await colleague.core.call('sources.paste', {
      caseId: colleague.caseId,
      text: 'Colleague’s report\n\nThe ministry said two soldiers were killed.',
      title: 'Colleague’s report',
    });
    await colleague.sync!.once();
    await expect(library.row('Colleague’s report')).toBeVisible({ timeout: 20_000 });

    proxy.cut();
    await sync.expectStatus(/^Sync: Offline since \d\d:\d\d/);
    await sync.openDialog();
    await expect(sync.dialog).toContainText('Your edits are kept here');
    await new AxePage(app).expectClean('Sharing dialog, offline', ['dark']);
    await app.keyboard.press('Escape');
    proxy.restore();
    await sync.expectStatus(/^Sync: Synced\./);

    await sync.stop(true);
    await sync.expectStatus(/^Share this case$/);
  } finally {
    await colleague.remove();
    await proxy.close();
  }
});

test('a viewer’s edits are refused by the server, and the app says so', async ({ app, start, library }) => {
  // An import and a first round trip: past the default minute at load 29.
  test.setTimeout(120_000);
  const db = `e2e-${++dbs}`;
  await couch.createCaseDb(db, [ED, VI]);
  const sync = new SyncPage(app);
  await start.createCase('Viewer desk');
  await library.importFiles([report('Viewer’s own report')]);
  await library.waitForImport();
  await sync.share(`${couch.url}/${db}`, VI.name, VI.password, { remember: false });
  await sync.expectStatus(/^Sync: Refused/);
  await sync.openDialog();
  await expect(sync.dialog.getByRole('alert')).toContainText('Only editors can change this case');
  await expect(sync.dialog.getByRole('alert')).toContainText('A viewer can read the case but not change it');
  await expect(sync.dialog).toContainText('You are a viewer of this case on the server');
  await expect(sync.status).toHaveAccessibleName(/read only/);
});
