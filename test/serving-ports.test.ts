import { CHECKOUT, checkoutWith } from './support/declarations';
import { mainContainer, synth } from './support/manifests';
import { helmFace, helmTest, typescriptFace } from './support/helm';

/**
 * The main container's command, and the ports a workload serves on (issue 17 §1): what each field
 * writes into the objects, in both faces.
 */

describe('command', () => {
  test('the main container runs the declared command, which replaces the image ENTRYPOINT', () => {
    const container = mainContainer(synth(checkoutWith({ command: ['gunicorn', 'app.wsgi'], args: ['--workers', '4'] })));
    expect(container.command).toEqual(['gunicorn', 'app.wsgi']);
    expect(container.args).toEqual(['--workers', '4']);
  });
  test("without a command the main container runs the image's ENTRYPOINT", () => {
    expect(mainContainer(synth(CHECKOUT))).not.toHaveProperty('command');
  });
  helmTest('the chart writes the same command as the constructs', async () => {
    const declaration = checkoutWith({ command: ['gunicorn', 'app.wsgi', '--bind=:8080', 'yes'] });
    expect((await helmFace(declaration)).objects).toEqual(typescriptFace(declaration).objects);
  });
});
