import { type BadRequest, fromHttp } from '@errs/fauna'

const call = fromHttp({
  status: 400,
  body: {
    errors: [
      {
        position: [],
        code: 'call error',
        description: 'Calling the function resulted in an error.',
        cause: [{ position: ['expr'], code: 'transaction aborted', description: 'custom error here' }],
      },
    ],
  },
}) as BadRequest
call.innerError?.code // 'transaction aborted'; call.kind === 'aborted'
