import { z } from "zod";
import { text } from "@/lib/validation/text";

export const NAME_MAX = 120;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const emailSchema = text({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."));

export const passwordSchema = text({ error: "Enter a password." })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const personNameSchema = text({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(NAME_MAX, `Use at most ${NAME_MAX} characters.`);

export const workspaceNameSchema = text({ error: "Enter a workspace name." })
  .trim()
  .min(1, "Enter a workspace name.")
  .max(NAME_MAX, `Use at most ${NAME_MAX} characters.`);

export const signUpSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  workspaceName: workspaceNameSchema,
});

export const signInSchema = z.object({
  email: emailSchema,
  password: text().min(1, "Enter your password.").max(PASSWORD_MAX),
});

export const changePasswordSchema = z
  .object({
    currentPassword: text().min(1, "Enter your current password.").max(PASSWORD_MAX),
    newPassword: passwordSchema,
    confirmPassword: text(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: "The two new passwords do not match.",
    path: ["confirmPassword"],
  });
