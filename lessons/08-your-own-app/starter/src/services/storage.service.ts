// TODO: The storage, as in lessons 05 and 07:
//   - the ImageKit client, made once from env.imagekit (keys from the environment, never written here)
//   - export function uploadFile(buffer, fileName): a Promise around imagekit.upload({ file, fileName }, (error, result) => …)
//   - export function deleteFile(fileId): a Promise around imagekit.deleteFile(fileId, (error) => …)
