/** A CSV built on the server, offered as a download without another request. */
export function CsvDownloadLink({
  csv,
  filename,
  label,
}: {
  csv: string;
  filename: string;
  label: string;
}) {
  return (
    <a
      href={`data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`}
      download={filename}
      className="text-sm font-medium text-brand-700 underline"
    >
      {label}
    </a>
  );
}
