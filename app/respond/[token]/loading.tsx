import { RespondFrame } from "@/components/respond/respond-frame";

export default function RespondLoading() {
  return (
    <RespondFrame>
      <p role="status" className="text-slate-600">
        Loading your questionnaire…
      </p>
    </RespondFrame>
  );
}
