// The PDF rendering of the report document (pdf-lib + fontkit), apart from the main entry so that
// only those who make a PDF load it.
export {
  renderReportPdf,
  framePlan,
  MIN_FRAME_SCALE,
  type ReportPdf,
  type ReportPdfInput,
  type PdfFontFiles,
  type FrameImage,
} from './report-pdf';
