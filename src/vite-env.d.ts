/// <reference types="vite/client" />

declare module '*.juju?raw' {
  const text: string;
  export default text;
}
