/** PDF to text with pdf-parse. The extracted text becomes the document's original text. */
import { PDFParse } from 'pdf-parse';

export async function extractPdfText(bytes: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: bytes });
  try {
    const result = await parser.getText();
    // pdf-parse marks page breaks with "-- n of m --" lines; they are layout, not text.
    return result.text.replace(/\n-- \d{1,5} of \d{1,5} --\n/g, '\n\n');
  } finally {
    await parser.destroy();
  }
}
