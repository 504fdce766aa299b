// pdfmake 0.3 ships no types; this declares the part of its Node API Roneo uses.
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface VirtualFileSystem {
    writeFileSync(name: string, content: Buffer | Uint8Array): void;
    existsSync(name: string): boolean;
  }
  export interface FontDescriptor {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  export interface TableLayout {
    [key: string]: unknown;
  }
  interface PdfMake {
    virtualfs: VirtualFileSystem;
    setFonts(fonts: Record<string, FontDescriptor>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    setTableLayouts(layouts: Record<string, TableLayout>): void;
    createPdf(definition: object, options?: object): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
