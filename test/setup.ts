// Every test runs the engine as the CLI and the worker do, with its YAML readers
// installed (src/engine/readers.ts); test/engine/readers.test.ts checks the page's
// side, where they come later.
import { installReaders } from '../src/engine/readersImpl.ts';

installReaders();
