import { expect, test, waitReady } from './fixtures';

// The guard that every test has: it must notice what it is there to notice.
test('the guard records console errors and requests to other origins', async ({ page, guard }) => {
  await page.route('http://foreign.example.test/**', (route) =>
    route.fulfill({
      body: '{}',
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
    }),
  );
  await page.goto('/');
  await waitReady(page);
  expect(guard.consoleErrors).toEqual([]);
  expect(guard.foreignRequests).toEqual([]);

  await page.evaluate(async () => {
    console.error('guard self-test');
    await fetch('http://foreign.example.test/probe.json');
  });
  expect(guard.consoleErrors).toEqual([expect.stringContaining('guard self-test')]);
  expect(guard.foreignRequests).toEqual(['GET http://foreign.example.test/probe.json']);
  expect(guard.pageErrors).toEqual([]);

  // Expected here, so they do not fail this test.
  guard.allow('guard self-test');
  guard.allow(/^GET http:\/\/foreign\.example\.test\//);
});
