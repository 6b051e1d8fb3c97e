/**
 * The example bundles (examples/bundles/): the fixtures' real bundles, ready to open.
 * Their files are given to the store as files at hand, so `juju deploy
 * ./examples/bundles/cos-lite/bundle.yaml` in the console, a misconception's script or
 * a tutorial finds them too.
 */
import ckOverlay from '../../../examples/bundles/charmed-kubernetes/overlays/vault-pki-overlay.yaml?raw';
import ck from '../../../examples/bundles/charmed-kubernetes/bundle.yaml?raw';
import cosOffers from '../../../examples/bundles/cos-lite/overlays/offers-overlay.yaml?raw';
import cosTesting from '../../../examples/bundles/cos-lite/overlays/testing-overlay.yaml?raw';
import cosTls from '../../../examples/bundles/cos-lite/overlays/tls-overlay.yaml?raw';
import cos from '../../../examples/bundles/cos-lite/bundle.yaml?raw';
import masterworker from '../../../examples/bundles/masterworker/bundle.yaml?raw';

const DIR = 'examples/bundles';

/** Every example bundle file, by the path the console names it with. */
export const EXAMPLE_FILES: Readonly<Record<string, string>> = {
  [`${DIR}/cos-lite/bundle.yaml`]: cos,
  [`${DIR}/cos-lite/overlays/tls-overlay.yaml`]: cosTls,
  [`${DIR}/cos-lite/overlays/testing-overlay.yaml`]: cosTesting,
  [`${DIR}/cos-lite/overlays/offers-overlay.yaml`]: cosOffers,
  [`${DIR}/charmed-kubernetes/bundle.yaml`]: ck,
  [`${DIR}/charmed-kubernetes/overlays/vault-pki-overlay.yaml`]: ckOverlay,
  [`${DIR}/masterworker/bundle.yaml`]: masterworker,
};

export interface ExampleBundle {
  readonly id: string;
  readonly title: string;
  readonly path: string;
  readonly overlays: readonly string[];
}

export const EXAMPLE_BUNDLES: readonly ExampleBundle[] = [
  { id: 'cos-lite', title: 'COS Lite (bundle)', path: `./${DIR}/cos-lite/bundle.yaml`, overlays: [`./${DIR}/cos-lite/overlays/tls-overlay.yaml`, `./${DIR}/cos-lite/overlays/offers-overlay.yaml`] },
  { id: 'charmed-kubernetes', title: 'Charmed Kubernetes (bundle)', path: `./${DIR}/charmed-kubernetes/bundle.yaml`, overlays: [] },
  { id: 'masterworker-bundle', title: 'Masterworker (bundle)', path: `./${DIR}/masterworker/bundle.yaml`, overlays: [] },
];
