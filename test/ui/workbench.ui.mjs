import assert from 'node:assert/strict';
import { activeEditorText, eventually, listRow, openViewContainer, quickOpen, ui, waitForWorkbench } from './context.mjs';

describe('workbench', () => {
  it('opens the fixture workspace and shows cmd/api/main.go with its ADR reference', async () => {
    const { page } = ui;
    await waitForWorkbench(page);

    await openViewContainer('Explorer', page);
    await listRow('cmd', page).waitFor({ state: 'visible' });
    await listRow('docs', page).waitFor({ state: 'visible' });

    await quickOpen('main.go', page);
    const text = await eventually(async () => {
      const visible = await activeEditorText(page);
      assert.match(visible, /ADR-0002/);
      return visible;
    });
    assert.match(text, /See ADR-0002/);
  });
});
