// The rule for naming documents and listing known values lives in the library (the API answers with it too).
global using DocumentNames = Fukan.Contracts.DocumentNames;
