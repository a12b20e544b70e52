// The local storage answers uploads from the unmodified ImageKit SDK the way
// ImageKit does: same fields on success, same `{message, help}` on errors.
import ImageKit from 'imagekit';
import { describe, expect, it } from 'vitest';
import { useLocalStorage } from './support/local-storage.ts';

const HELP = 'For support kindly contact us at support@imagekit.io .';
const local = useLocalStorage();

/** A PNG's first bytes: signature and IHDR chunk with the given size. */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), ihdr]);
}

describe('upload with a callback', () => {
  it('calls back with (null, result) for a good upload', async () => {
    const [error, result] = await new Promise<[unknown, any]>((resolve) => {
      local.imagekit.upload({ file: Buffer.from('hello'), fileName: 'hello.txt' }, (err, res) => resolve([err, res]));
    });
    expect(error).toBeNull();
    expect(result.name).toMatch(/^hello_[A-Za-z0-9_-]{9}\.txt$/);
  });

  it("calls back with ImageKit's error object {message, help} for a wrong private key", async () => {
    const wrong = new ImageKit({ ...local.storage.options, privateKey: 'private_not_the_right_one' });
    const [error, result] = await new Promise<[any, unknown]>((resolve) => {
      wrong.upload({ file: Buffer.from('x'), fileName: 'x.txt' }, (err, res) => resolve([err, res]));
    });
    expect(result).toBeNull();
    expect(error).toEqual({ message: 'Your account cannot be authenticated.', help: HELP });
    expect(error.$ResponseMetadata.statusCode).toBe(403);
  });
});

describe('upload with a promise', () => {
  it('resolves with every field ImageKit returns for an image', async () => {
    const result = await local.imagekit.upload({ file: pngHeader(640, 480), fileName: 'cover.png' });
    const endpoint = local.storage.options.urlEndpoint;
    expect(Object.keys(result)).toEqual([
      'fileId',
      'name',
      'size',
      'versionInfo',
      'filePath',
      'url',
      'fileType',
      'height',
      'width',
      'thumbnailUrl',
      'AITags',
    ]);
    expect(result.fileId).toMatch(/^[0-9a-f]{24}$/);
    expect(result.name).toMatch(/^cover_[A-Za-z0-9_-]{9}\.png$/);
    expect(result.size).toBe(33);
    expect((result as any).versionInfo).toEqual({ id: result.fileId, name: 'Version 1' });
    expect(result.filePath).toBe(`/${result.name}`);
    expect(result.url).toBe(`${endpoint}/${result.name}`);
    expect(result.fileType).toBe('image');
    expect([result.width, result.height]).toEqual([640, 480]);
    expect(result.thumbnailUrl).toBe(`${endpoint}/tr:n-ik_ml_thumbnail/${result.name}`);
    expect(result.AITags).toBeNull();
    const metadata = (result as any).$ResponseMetadata;
    expect(metadata.statusCode).toBe(200);
    expect(metadata.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('gives a non-image no dimensions and no thumbnail', async () => {
    const result = await local.imagekit.upload({ file: Buffer.from('ID3 not really a song'), fileName: 'song.mp3' });
    expect(result.fileType).toBe('non-image');
    expect(result).not.toHaveProperty('width');
    expect(result).not.toHaveProperty('height');
    expect(result).not.toHaveProperty('thumbnailUrl');
  });

  it('reads width and height from JPEG, GIF and WebP headers', async () => {
    const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffc0001108012c019003012200021101031101', 'hex');
    const gif = Buffer.from('GIF89a\x20\x00\x10\x00\x00\x00\x00', 'latin1');
    const webp = Buffer.from(
      'RIFF\x00\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x00\x00\x00\x00\x7f\x02\x00\xdf\x01\x00',
      'latin1',
    );
    const sizes = await Promise.all(
      [
        [jpeg, 'a.jpg'],
        [gif, 'a.gif'],
        [webp, 'a.webp'],
      ].map(async ([file, fileName]) => {
        const result = await local.imagekit.upload({ file: file as Buffer, fileName: fileName as string });
        return [result.width, result.height];
      }),
    );
    expect(sizes).toEqual([
      [400, 300],
      [32, 16],
      [640, 480],
    ]);
  });

  it('keeps the name as sent (sanitised) when useUniqueFileName is false', async () => {
    const result = await local.imagekit.upload({
      file: Buffer.from('a'),
      fileName: 'my song (live)!.mp3',
      useUniqueFileName: false,
    });
    expect(result.name).toBe('my_song__live__.mp3');
  });

  it('keeps letters of any alphabet in names', async () => {
    const result = await local.imagekit.upload({
      file: Buffer.from('a'),
      fileName: 'canción-été.mp3',
      useUniqueFileName: false,
    });
    expect(result.name).toBe('canción-été.mp3');
  });

  it('keeps accented letters spelled as a letter plus an accent mark, as macOS names files', async () => {
    const result = await local.imagekit.upload({
      file: Buffer.from('a'),
      fileName: 'e\u0301te\u0301.mp3',
      useUniqueFileName: false,
    });
    expect(result.name).toBe('été.mp3');
  });

  it('puts the file in the folder asked for, and returns tags when responseFields asks', async () => {
    const result = await local.imagekit.upload({
      file: Buffer.from('a'),
      fileName: 'a.txt',
      folder: '/songs/2024/',
      tags: ['rock', 'live'],
      responseFields: ['tags'],
    });
    expect(result.filePath).toBe(`/songs/2024/${result.name}`);
    expect(result.tags).toEqual(['rock', 'live']);
  });
});

describe('upload of a string file', () => {
  it('accepts base64', async () => {
    const result = await local.imagekit.upload({
      file: Buffer.from('hello base64').toString('base64'),
      fileName: 'b.txt',
    });
    expect(result.size).toBe(12);
  });

  it('accepts a data URI', async () => {
    const result = await local.imagekit.upload({
      file: `data:image/png;base64,${pngHeader(2, 3).toString('base64')}`,
      fileName: 'd.png',
    });
    expect([result.width, result.height]).toEqual([2, 3]);
  });

  it('refuses a URL with a message saying the storage is offline', async () => {
    await expect(
      local.imagekit.upload({ file: 'https://example.com/song.mp3', fileName: 's.mp3' }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('offline'),
      help: HELP,
    });
  });

  it('refuses a file path sent as text, and says to send the file itself', async () => {
    await expect(local.imagekit.upload({ file: './songs/song.mp3', fileName: 's.mp3' })).rejects.toMatchObject({
      message: expect.stringContaining('createReadStream'),
    });
  });
});
