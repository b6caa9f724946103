import { MessagePanel, RespondFrame } from "@/components/respond/respond-frame";

// A respondent with a mistyped or withdrawn link: no app chrome, no sign-in link, just what to do.
export default function RespondLinkNotFound() {
  return (
    <RespondFrame>
      <MessagePanel title="This link is not valid">
        <p>Check that it was copied whole: links are long, and a missing character breaks them.</p>
        <p>
          If it still does not work, it may have been withdrawn. Ask the person who sent it for a
          new one.
        </p>
      </MessagePanel>
    </RespondFrame>
  );
}
