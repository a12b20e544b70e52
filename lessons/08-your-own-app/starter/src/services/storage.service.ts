// TODO: The storage, as in lessons 05 and 07:
//   - the ImageKit client, made once from env.imagekit (keys from the environment, never written here)
//   - export function uploadFile(buffer, fileName): a Promise around imagekit.upload({ file, fileName }, (error, result) => …)
//   - export function deleteFile(fileId): a Promise around imagekit.deleteFile(fileId, (error) => …)
// Hinglish: Storage, jaise lesson 05 aur 07 mein:
//   - ImageKit client, env.imagekit se sirf ek baar banaiye (keys environment se aati hain, yahan kabhi
//     nahi likhi jaati)
//   - export function uploadFile(buffer, fileName): imagekit.upload({ file, fileName }, (error, result) => …)
//     ke around ek Promise
//   - export function deleteFile(fileId): imagekit.deleteFile(fileId, (error) => …) ke around ek Promise
