"use client";

import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { unsentCsv, unsentText, type UnsentAnswer } from "@/lib/respond-client/unsent";

/**
 * The way out for answers that can no longer be sent: download them as a small CSV file, or copy
 * them as text to paste into an email. When the browser will not copy (no permission, an old
 * browser), the text is shown, selected, to copy by hand.
 */
export function UnsentExport({
  rows,
  fileName,
  heading,
  sendTo,
}: {
  rows: readonly UnsentAnswer[];
  fileName: string;
  /** The first line of the copied text: which round these answers belong to. */
  heading: string;
  /** Who to send them to, in words. */
  sendTo: string;
}) {
  const [note, setNote] = useState("");
  const [manual, setManual] = useState(false);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const textId = useId();
  const text = unsentText(rows, heading);

  const download = () => {
    const blob = new Blob([unsentCsv(rows)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setNote(`Downloaded ${fileName}. Attach it to an email to ${sendTo}.`);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setManual(false);
      setNote(`Copied. Paste ${rows.length === 1 ? "it" : "them"} into an email to ${sendTo}.`);
    } catch {
      setManual(true);
      setNote("Your browser did not let this page copy. Select the text below and copy it.");
      window.setTimeout(() => textArea.current?.select(), 0);
    }
  };

  return (
    <div className="space-y-2">
      <p id={hintId} className="text-sm">
        The file lists each question with your answer and comment; it opens in a spreadsheet or a
        text editor.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button className="min-h-12 text-base" onClick={download} aria-describedby={hintId}>
          <span aria-hidden>↓</span> Download my unsent answers
        </Button>
        <Button
          variant="secondary"
          className="min-h-12 text-base"
          onClick={() => void copy()}
          aria-describedby={hintId}
        >
          Copy as text
        </Button>
      </div>
      <p aria-live="polite" className="text-sm font-medium" data-testid="unsent-export-note">
        {note}
      </p>
      {manual ? (
        <div>
          <label htmlFor={textId} className="block text-sm font-medium">
            Your unsent answers
          </label>
          <textarea
            id={textId}
            ref={textArea}
            readOnly
            value={text}
            rows={Math.min(12, 3 + rows.length * 3)}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-xs text-slate-900"
          />
        </div>
      ) : null}
    </div>
  );
}
