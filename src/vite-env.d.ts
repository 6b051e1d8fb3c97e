/// <reference types="vite/client" />

declare module '*.juju?raw' {
  const text: string;
  export default text;
}

declare module '*.yaml?raw' {
  const text: string;
  export default text;
}
