/** An error meant for the user: HTTP status, stable code, Chinese message, optional details. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what}不存在或无权查看`);
export const forbidden = (message = '没有权限执行此操作') => new AppError(403, 'forbidden', message);
export const badRequest = (message: string, details?: unknown) => new AppError(400, 'bad_request', message, details);
export const conflict = (message: string, details?: unknown) => new AppError(409, 'conflict', message, details);
