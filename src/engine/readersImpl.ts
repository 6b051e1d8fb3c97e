/**
 * The readers themselves (see readers.ts): a chunk of its own in the page, with the
 * `yaml` library. The CLI, the worker and the tests call `installReaders()` at start.
 */
import { exportBundle } from './bundleExport.ts';
import { deployBundle, loadStatus } from './deployPlan.ts';
import { JujuError } from './errors.ts';
import { MetadataError, parseCharmFiles } from './metadata.ts';
import { provideReaders, type Readers } from './readers.ts';
import { REAL_CHARMS } from './catalog/real/index.ts';
import { provideRealCharms } from './catalog/realSeam.ts';
import { formatShowUnit } from './showUnit.ts';

const READERS: Readers = {
  deployBundle,
  loadStatus,
  charmFromFiles(path, files) {
    try {
      return parseCharmFiles(files);
    } catch (e) {
      if (e instanceof MetadataError) throw new JujuError(`cannot deploy ${path}: ${e.message}`);
      throw e;
    }
  },
  exportBundle,
  formatShowUnit,
};

export function installReaders(): void {
  provideReaders(READERS);
  provideRealCharms(REAL_CHARMS);
}
