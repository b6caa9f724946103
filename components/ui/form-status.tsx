import type { FormState } from "@/lib/forms/state";
import { Alert } from "./alert";

export function FormStatus({ state }: { state: FormState }) {
  if (state.status === "error") {
    return (
      <Alert tone="error" title="That did not work">
        {state.message}
      </Alert>
    );
  }
  if (state.status === "success" && state.message) {
    return <Alert tone="success">{state.message}</Alert>;
  }
  return null;
}
