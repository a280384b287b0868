// Module declarations for imports the bundler and the test runner turn into text.

declare module "*.yaml?raw" {
  const text: string;
  export default text;
}
