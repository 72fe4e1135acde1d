/**
 * Whether a chosen file is a PDF, as far as the browser can tell before sending it: its type, or
 * its name where the system names no type. The picker offers PDFs only, but a person can still
 * choose any file ("All files"); lab-processor reads the content itself in the end.
 */
export function isPdf(file: { name: string; type: string }): boolean {
  return file.type === 'application/pdf' || (file.type === '' && file.name.toLowerCase().endsWith('.pdf'));
}

export interface Header {
  name: string;
  value: string;
}

// The browser sets these itself from the file; setting them by hand is refused.
const SET_BY_THE_BROWSER = new Set(['content-length', 'host']);

/** PUTs a file to a presigned URL, reporting the share sent so far (0..1); XHR because fetch has no upload progress. */
export function putWithProgress(url: string, file: Blob, headers: readonly Header[], onProgress: (share: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    headers
      .filter((header) => !SET_BY_THE_BROWSER.has(header.name.toLowerCase()))
      .forEach((header) => request.setRequestHeader(header.name, header.value));
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve();
      } else {
        reject(new Error(`the store refused the upload (${request.status})`));
      }
    };
    request.onerror = () => reject(new Error('the upload was interrupted'));
    request.send(file);
  });
}
