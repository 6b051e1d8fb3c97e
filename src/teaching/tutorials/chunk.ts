/** What the tutorials' chunk brings (registry.ts loads it): the shipped tutorials and the document reader. */
export { TUTORIALS } from './index.ts';
export { READER } from '../read.ts';
