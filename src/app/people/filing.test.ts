import { describe, expect, it } from 'vitest';
import type { IdCardResponse } from '../../idcard/api-contract.ts';
import {
  editField,
  facesFromResponse,
  fileImage,
  type IntakeImage,
  mergeOffer,
  moveFace,
  releaseSlot,
  removeFace,
  revertField,
  setChecked,
} from './filing.ts';
import { currentValue, type Person, personValues } from './person.ts';

const frontResult = {
  name: '张三',
  sex: '男',
  ethnicity: '汉',
  birth: '1990-03-06',
  address: '北京市东城区景山前街4号',
  number: '11010119900306001X',
};
const backResult = {
  issue: '北京市公安局东城分局',
  valid_from: '2015-03-06',
  valid_to: '2035-03-06',
};

function idMaker() {
  let next = 0;
  return () => `id${++next}`;
}

/** One intake of several images unless told otherwise; `intake` names it. */
function image(jobId: string, intakeId = 'drop1', intakeSize = 4): IntakeImage {
  return { jobId, intakeId, intakeSize };
}

function file(
  people: Person[],
  jobId: string,
  response: IdCardResponse,
  makeId = idMaker(),
  intake: IntakeImage = image(jobId),
) {
  return fileImage(people, intake, { faces: facesFromResponse(jobId, response, makeId) }, makeId);
}

function fail(people: Person[], jobId: string, makeId = idMaker(), intake = image(jobId)) {
  return fileImage(people, intake, { faces: null }, makeId);
}

const front = (name = '张三'): IdCardResponse => ({ result: { ...frontResult, name } });
const back: IdCardResponse = { result: backResult };

describe('facesFromResponse', () => {
  it('decides the side from the fields when the upstream does not name it', () => {
    const makeId = idMaker();
    expect(facesFromResponse('j1', front(), makeId)[0]?.side).toBe('front');
    expect(facesFromResponse('j2', back, makeId)[0]?.side).toBe('back');
  });

  it('takes confidence, locations and images when present', () => {
    const [face] = facesFromResponse(
      'j1',
      {
        result: {
          ...frontResult,
          side: 'front',
          confidence: { name: 0.5 },
          text_location: {
            name: [
              [1, 2],
              [3, 2],
              [3, 4],
              [1, 4],
            ],
          },
          adjusted_text_location: {
            name: [
              [10, 20],
              [30, 20],
              [30, 40],
              [10, 40],
            ],
          },
          adjusted_image: 'AAAA',
        },
      },
      idMaker(),
    );
    expect(face?.confidence).toEqual({ name: 0.5 });
    expect(face?.cardLocations.name).toEqual([
      [10, 20],
      [30, 20],
      [30, 40],
      [10, 40],
    ]);
    expect(face?.locations.name).toEqual([
      [1, 2],
      [3, 2],
      [3, 4],
      [1, 4],
    ]);
    expect(face?.adjustedImage).toBe('data:image/jpeg;base64,AAAA');
    expect(face?.portraitImage).toBeNull();
  });
});

describe('alternatives', () => {
  it('keeps the other readings of a field, without the one already shown', () => {
    const [face] = facesFromResponse(
      'j1',
      { result: { ...frontResult, name: '邓明', alternatives: { name: ['邓铖明', '邓明'] } } },
      idMaker(),
    );
    expect(face?.alternatives).toEqual({ name: ['邓铖明'] });
  });

  it('has none when the upstream sends none (Huawei Cloud)', () => {
    expect(facesFromResponse('j1', front(), idMaker())[0]?.alternatives).toEqual({});
  });
});

describe('fileImage', () => {
  it('makes one person of a front and a back filed one after the other', () => {
    const makeId = idMaker();
    const people = file(file([], 'j1', front(), makeId), 'j2', back, makeId);
    expect(people).toHaveLength(1);
    expect(people[0]?.front?.recognised.name).toBe('张三');
    expect(people[0]?.back?.recognised.issue).toBe('北京市公安局东城分局');
  });

  it('also pairs a back that comes before its front', () => {
    const makeId = idMaker();
    expect(file(file([], 'j1', back, makeId), 'j2', front(), makeId)).toHaveLength(1);
  });

  it('starts a new person with a second front', () => {
    const makeId = idMaker();
    const people = file(file([], 'j1', front('张三'), makeId), 'j2', front('李四'), makeId);
    expect(people.map((person) => person.front?.recognised.name)).toEqual(['张三', '李四']);
  });

  it('files a back after two fronts with the second person', () => {
    const makeId = idMaker();
    let people = file([], 'j1', front('张三'), makeId);
    people = file(people, 'j2', front('李四'), makeId);
    people = file(people, 'j3', back, makeId);
    expect(people[0]?.back).toBeNull();
    expect(people[1]?.back?.jobId).toBe('j3');
  });

  it('fills both slots of a new person from a double-sided result', () => {
    const makeId = idMaker();
    let people = file([], 'j1', back, makeId);
    people = file(people, 'j2', { result: { front: frontResult, back: backResult } }, makeId);
    expect(people).toHaveLength(2);
    expect(people[1]?.front?.jobId).toBe('j2');
    expect(people[1]?.back?.jobId).toBe('j2');
  });

  it('replaces a reading of the same image in place and keeps the edits', () => {
    const makeId = idMaker();
    let people = file([], 'j1', front('张二'), makeId);
    people = file(people, 'j2', front('李四'), makeId);
    const faceId = people[0]?.front?.id ?? '';
    people = editField(people, faceId, 'address', '手工改过的住址');
    people = file(people, 'j1', front('张三'), makeId);
    expect(people).toHaveLength(2);
    const face = people[0]?.front ?? null;
    expect(face?.id).toBe(faceId);
    expect(face?.recognised.name).toBe('张三');
    expect(currentValue(face, 'address')).toBe('手工改过的住址');
  });

  it('puts the back found by reading a page again as double-sided beside its front', () => {
    const makeId = idMaker();
    let people = file([], 'j1', front('张三'), makeId);
    people = file(people, 'j2', front('李四'), makeId);
    people = file(people, 'j1', { result: { front: frontResult, back: backResult } }, makeId);
    expect(people).toHaveLength(2);
    expect(people[0]?.back?.jobId).toBe('j1');
    expect(people[1]?.back).toBeNull();
  });

  it('pairs faces of one intake only: a face of another drop starts a person of its own', () => {
    const makeId = idMaker();
    let people = file([], 'j1', front('张三'), makeId, image('j1', 'drop1', 1));
    people = file(people, 'j2', back, makeId, image('j2', 'drop2', 1));
    expect(people).toHaveLength(2);
    expect(people[0]?.back).toBeNull();
    expect(people[1]?.back?.jobId).toBe('j2');
  });

  it('keeps the slot of a face that was not read, so the next face pairs as dropped', () => {
    const makeId = idMaker();
    let people = file([], 'j1', front('张三'), makeId, image('j1', 'drop1', 1));
    people = fail(people, 'j2', makeId, image('j2', 'drop2', 2));
    people = file(people, 'j3', back, makeId, image('j3', 'drop2', 2));
    expect(people).toHaveLength(2);
    expect(people[0]?.back).toBeNull();
    expect(people[1]?.pendingJobIds).toEqual(['j2']);
    expect(people[1]?.back?.jobId).toBe('j3');
  });

  it('fills the kept slot when the failed image is read on a retry', () => {
    const makeId = idMaker();
    let people = fail([], 'j2', makeId, image('j2', 'drop2', 2));
    people = file(people, 'j3', back, makeId, image('j3', 'drop2', 2));
    people = file(people, 'j1', front('李四'), makeId, image('j1', 'drop1', 1));
    people = file(people, 'j2', front('张三'), makeId, image('j2', 'drop2', 2));
    expect(people).toHaveLength(2);
    expect(people[0]?.front?.recognised.name).toBe('张三');
    expect(people[0]?.back?.jobId).toBe('j3');
    expect(people[0]?.pendingJobIds).toEqual([]);
  });

  it('gives a kept slot up when the clerk removes the image', () => {
    const makeId = idMaker();
    const people = fail([], 'j1', makeId, image('j1', 'drop1', 2));
    expect(people).toHaveLength(1);
    expect(releaseSlot(people, 'j1')).toEqual([]);
  });

  it('keeps no slot for an image that came alone', () => {
    expect(fail([], 'j1', idMaker(), image('j1', 'drop1', 1))).toEqual([]);
  });

  it('starts a new person when the retried face is of the side already filled', () => {
    const makeId = idMaker();
    let people = fail([], 'j1', makeId, image('j1', 'drop1', 2));
    people = file(people, 'j2', back, makeId, image('j2', 'drop1', 2));
    people = file(people, 'j1', back, makeId, image('j1', 'drop1', 2));
    expect(people).toHaveLength(2);
    expect(people[0]?.pendingJobIds).toEqual([]);
    expect(people[1]?.back?.jobId).toBe('j1');
  });
});

describe('mergeOffer', () => {
  it('offers a face that came alone to the nearest earlier person missing that side', () => {
    const makeId = idMaker();
    let people = file([], 'j1', front('张三'), makeId, image('j1', 'drop1', 1));
    people = file(people, 'j2', front('李四'), makeId, image('j2', 'drop2', 1));
    people = file(people, 'j3', back, makeId, image('j3', 'drop3', 1));
    expect(people).toHaveLength(3);
    expect(mergeOffer(people, people[2] as Person)?.front?.recognised.name).toBe('李四');
  });

  it('offers nothing to a person with both faces or when no one misses that side', () => {
    const makeId = idMaker();
    let people = file([], 'j1', front(), makeId);
    people = file(people, 'j2', back, makeId);
    people = file(people, 'j3', back, makeId, image('j3', 'drop2', 1));
    expect(mergeOffer(people, people[0] as Person)).toBeNull();
    expect(mergeOffer(people, people[1] as Person)).toBeNull();
  });
});

describe('moving and removing faces', () => {
  it('moves a face to another person and drops the emptied person', () => {
    const makeId = idMaker();
    let people = file([], 'j1', front('张三'), makeId);
    people = file(people, 'j2', front('李四'), makeId);
    people = file(people, 'j3', back, makeId);
    const backId = people[1]?.back?.id ?? '';
    people = moveFace(people, backId, { personId: people[0]?.id ?? '' }, makeId);
    expect(people[0]?.back?.id).toBe(backId);
    expect(people[1]?.back).toBeNull();
  });

  it('swaps with a face already in the target slot', () => {
    const makeId = idMaker();
    let people = file([], 'j1', front('张三'), makeId);
    people = file(people, 'j2', front('李四'), makeId);
    const [first, second] = people;
    people = moveFace(people, first?.front?.id ?? '', { personId: second?.id ?? '' }, makeId);
    expect(people.map((person) => person.front?.recognised.name)).toEqual(['李四', '张三']);
  });

  it('splits a face off into a new person', () => {
    const makeId = idMaker();
    let people = file(file([], 'j1', front(), makeId), 'j2', back, makeId);
    people = moveFace(people, people[0]?.back?.id ?? '', { newPerson: true }, makeId);
    expect(people).toHaveLength(2);
    expect(people[1]?.back?.jobId).toBe('j2');
  });

  it('removes a face and a person left with none', () => {
    const makeId = idMaker();
    const people = file([], 'j1', front(), makeId);
    expect(removeFace(people, people[0]?.front?.id ?? '')).toEqual([]);
  });
});

describe('personValues', () => {
  it('joins both faces with the edits winning', () => {
    const makeId = idMaker();
    let people = file(file([], 'j1', front(), makeId), 'j2', back, makeId);
    people = editField(people, people[0]?.back?.id ?? '', 'valid_to', '长期');
    const values = personValues(people[0] as Person);
    expect(values.name).toBe('张三');
    expect(values.valid_to).toBe('长期');
  });
});

describe('已核对', () => {
  it('is cleared by an edit, a revert and a move', () => {
    const makeId = idMaker();
    let people = file(file([], 'j1', front(), makeId), 'j2', back, makeId);
    const personId = people[0]?.id ?? '';
    const faceId = people[0]?.front?.id ?? '';
    people = setChecked(people, personId, true);
    expect(people[0]?.checked).toBe(true);
    expect(editField(people, faceId, 'name', '张叁')[0]?.checked).toBe(false);
    expect(revertField(people, faceId, 'name')[0]?.checked).toBe(false);
    const moved = moveFace(people, people[0]?.back?.id ?? '', { newPerson: true }, makeId);
    expect(moved[0]?.checked).toBe(false);
  });

  it('is cleared when a new reading of one of its images arrives', () => {
    const makeId = idMaker();
    let people = file([], 'j1', front('张二'), makeId);
    people = setChecked(people, people[0]?.id ?? '', true);
    people = file(people, 'j1', front('张三'), makeId);
    expect(people[0]?.checked).toBe(false);
  });
});

describe('revertField', () => {
  it('drops the edit so the recognised value shows again', () => {
    const makeId = idMaker();
    let people = file([], 'j1', front('张三'), makeId);
    const faceId = people[0]?.front?.id ?? '';
    people = editField(people, faceId, 'name', '张叁');
    people = revertField(people, faceId, 'name');
    expect(people[0]?.front?.edits).toEqual({});
    expect(currentValue(people[0]?.front ?? null, 'name')).toBe('张三');
  });
});
