// Stylesheets are bundled by Vite.
declare module '*.css';

// A file's text, bundled by Vite (?raw).
declare module '*?raw' {
  const text: string;
  export default text;
}
