import { readFileSync } from 'node:fs';
import { expect, test, waitReady } from './fixtures';

const TOUR = 'openstack-and-kubernetes';
const STEPS = (
  JSON.parse(readFileSync(new URL('../public/tours/default.json', import.meta.url), 'utf8')) as {
    steps: { title: string; notes?: string }[];
  }[]
)[0]?.steps as { title: string; notes?: string }[];

test('the presenter window and the room stay in step both ways, offline; quiz answers are revealed from it', async ({
  page,
  context,
  guard,
}, testInfo) => {
  test.setTimeout(60_000);
  // Offline without the service worker (blocked in tests), the browser's favicon refetch fails: not the app's doing.
  guard.allow('ERR_INTERNET_DISCONNECTED (http://127.0.0.1');
  await page.goto(`/?tour=${TOUR}&step=2`);
  await waitReady(page, 'traditional');
  const room = page.getByTestId('tour');
  const [presenter] = await Promise.all([
    context.waitForEvent('page'),
    room.getByRole('button', { name: 'Presenter' }).click(),
  ]);
  await presenter.setViewportSize({ width: 1100, height: 760 });
  await expect(presenter.getByTestId('presenter')).toBeVisible();
  // The two windows talk over a BroadcastChannel: no server is needed once both are loaded.
  await context.setOffline(true);

  // The presenter sees the step's notes, the next step's title and a preview, the list, the time.
  await expect(presenter.getByTestId('presenter-peer')).toHaveText('Room window connected');
  await expect(presenter.getByTestId('presenter-step')).toHaveText(`Step 2 of ${STEPS.length}`);
  await expect(presenter.getByTestId('presenter-notes')).toContainText(
    (STEPS[1]?.notes ?? '').split('\n')[0]?.slice(0, 50) ?? '',
  );
  await expect(presenter.getByTestId('presenter-next')).toHaveText(STEPS[2]?.title ?? '');
  await expect(presenter.getByTestId('presenter-preview')).toBeVisible();
  await expect(presenter.getByRole('navigation', { name: 'Steps' }).getByRole('button')).toHaveCount(
    STEPS.length,
  );
  await expect(presenter.getByRole('timer')).toHaveText(/^\d\d:\d\d$/);
  // The room's window shows only the diagram and the step's text, large; the notes stay with the presenter.
  await expect(page.locator('[data-presenter="true"]')).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(room).not.toContainText((STEPS[1]?.notes ?? '').slice(0, 30));

  // Keys in the presenter's window move the room.
  await presenter.keyboard.press('ArrowRight');
  await expect(room.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '3');
  await expect(room.getByRole('heading')).toHaveText(STEPS[2]?.title ?? '');
  // Step 3 asks a question: revealed in the room from the presenter's window.
  await presenter.getByRole('button', { name: 'Reveal the answer in the room' }).click();
  await expect(page.getByTestId('quiz-feedback')).toContainText('Answer:');
  await expect(room.getByRole('button', { name: '1', exact: true })).toHaveAttribute('data-correct', 'true');
  const shot = testInfo.outputPath('presenter-window.png');
  await presenter.screenshot({ path: shot });
  await testInfo.attach('presenter-window', { path: shot, contentType: 'image/png' });

  // Keys in the room move the presenter.
  await page.keyboard.press('ArrowRight');
  await expect(presenter.getByTestId('presenter-step')).toHaveText(`Step 4 of ${STEPS.length}`);
  await expect(page.getByTestId('quiz-feedback')).toHaveCount(0);
  // The step list jumps, in both windows.
  await presenter
    .getByRole('navigation', { name: 'Steps' })
    .getByRole('button', { name: `8. ${STEPS[7]?.title}` })
    .click();
  await expect(room.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '8');
  await waitReady(page, 'k8s-in-tenant');
  await context.setOffline(false);
});
