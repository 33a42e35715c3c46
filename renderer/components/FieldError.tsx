// The message under a field (or a form) that failed its check; announced as it appears.
export function FieldError(props: { error: string | null | undefined; id?: string }) {
  return props.error ? (
    <p id={props.id} role="alert" className="field-error">
      {props.error}
    </p>
  ) : null;
}
