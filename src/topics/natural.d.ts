// Types for the one submodule of `natural` sieve imports (the package root is never imported: it
// prints, reads .env and loads databases). The module is CommonJS; ESM gets module.exports as default.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
